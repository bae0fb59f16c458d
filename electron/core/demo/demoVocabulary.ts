/** Names and labels the demo tenant draws from. Fictional: "Contoso" is Microsoft's sample company. */
export const DEMO_DOMAIN = 'contoso.com';
export const DEMO_NETBIOS_DOMAIN = 'CONTOSO';
export const DEMO_SITE_CODE = 'CON';

export const FIRST_NAMES = [
  'Ada', 'Alan', 'Amina', 'Ana', 'Anders', 'Ari', 'Bea', 'Ben', 'Carla', 'Chen', 'Dara', 'David', 'Elif', 'Emma',
  'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jade', 'Jonas', 'Kai', 'Kofi', 'Lara', 'Leo', 'Lina',
  'Luca', 'Maya', 'Mateo', 'Mei', 'Nadia', 'Noah', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Sofia', 'Tariq',
  'Tess', 'Uma', 'Victor', 'Wen', 'Yara', 'Yusuf', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Adeyemi', 'Almeida', 'Andersen', 'Bauer', 'Bianchi', 'Brown', 'Castro', 'Chowdhury', 'Dubois', 'Eriksson',
  'Fischer', 'Garcia', 'Haddad', 'Hansen', 'Ito', 'Jansen', 'Kaur', 'Kim', 'Kowalski', 'Larsen', 'Lopez',
  'Martin', 'Mensah', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Olsen', 'Patel', 'Petrov', 'Rossi', 'Santos',
  'Schmidt', 'Silva', 'Singh', 'Smith', 'Tanaka', 'Torres', 'Virtanen', 'Wagner', 'Wang', 'Weber', 'Yilmaz',
  'Zhang',
] as const;

export const USAGE_LOCATIONS = ['US', 'US', 'US', 'GB', 'DE', 'NL', 'FR', 'IN', 'JP', 'CA'] as const;

export const DEMO_CATEGORIES = [
  { id: '0f1d6c2e-5b8a-4a1e-9c3d-1a2b3c4d5e01', name: 'Sales', description: 'Field sales devices' },
  { id: '0f1d6c2e-5b8a-4a1e-9c3d-1a2b3c4d5e02', name: 'Field Service', description: 'Technicians and engineers on site' },
  { id: '0f1d6c2e-5b8a-4a1e-9c3d-1a2b3c4d5e03', name: 'Executives', description: 'Board and leadership team' },
  { id: '0f1d6c2e-5b8a-4a1e-9c3d-1a2b3c4d5e04', name: 'Warehouse', description: 'Shared scanners and tablets' },
  { id: '0f1d6c2e-5b8a-4a1e-9c3d-1a2b3c4d5e05', name: 'Retail Kiosk', description: 'Store kiosks' },
] as const;

/** Hardware per platform: [manufacturer, model, OS name, OS versions]. */
export type HardwareModel = readonly [manufacturer: string, model: string, os: string, osVersions: readonly string[]];

export const HARDWARE: Readonly<Record<'ios' | 'ipados' | 'macos' | 'android' | 'windows', readonly HardwareModel[]>> = {
  ios: [
    ['Apple', 'iPhone 8', 'iOS', ['12.3.1', '12.4', '12.4.1']],
    ['Apple', 'iPhone XS', 'iOS', ['12.4', '12.4.1', '13.1.2']],
    ['Apple', 'iPhone XR', 'iOS', ['12.4.1', '13.1.2']],
  ],
  ipados: [
    ['Apple', 'iPad (6th generation)', 'iOS', ['12.4', '12.4.1']],
    ['Apple', 'iPad Pro (11-inch)', 'iOS', ['12.4.1', '13.1.2']],
  ],
  macos: [
    ['Apple', 'MacBook Pro (13-inch, 2018)', 'macOS', ['10.14.5', '10.14.6']],
    ['Apple', 'MacBook Air (2018)', 'macOS', ['10.14.6']],
  ],
  android: [
    ['samsung', 'SM-G960F', 'Android', ['8.0.0', '9']],
    ['samsung', 'SM-T830', 'Android', ['9']],
    ['Google', 'Pixel 3', 'Android', ['9', '10']],
    ['Zebra Technologies', 'TC52', 'Android', ['8.1.0']],
  ],
  windows: [
    ['Microsoft Corporation', 'Surface Pro 6', 'Windows', ['10.0.17763.615', '10.0.18362.295']],
    ['Dell Inc.', 'Latitude 7490', 'Windows', ['10.0.17134.885', '10.0.17763.615']],
    ['LENOVO', 'ThinkPad T480', 'Windows', ['10.0.17763.615', '10.0.18362.295']],
  ],
};
