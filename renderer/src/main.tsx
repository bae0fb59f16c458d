import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useThemeStore } from './app/themeStore';
import './app/global.css';

function ThemedApp() {
  const theme = useThemeStore((state) => state.theme);
  return (
    // The layout class sits on an inner div: Fluent copies the provider's className onto every
    // portal (tooltips, menus), which would stretch each portal over the whole window.
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme} style={{ height: '100%' }}>
      <div className="app-root">
        <App />
      </div>
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemedApp />
  </StrictMode>,
);
