import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { useThemeStore } from './app/themeStore';
import './app/global.css';

function ThemedApp() {
  const theme = useThemeStore((state) => state.theme);
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} className="app-root" data-theme={theme}>
      <App />
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemedApp />
  </StrictMode>,
);
