import { describe, expect, it } from 'vitest';
import { userDataDir } from './userDataDir';

describe('userDataDir', () => {
  it('follows BOOTH_USER_DATA, then the platform convention Electron uses for "Booth"', () => {
    expect(userDataDir({ BOOTH_USER_DATA: '/srv/booth' }, 'linux')).toBe('/srv/booth');
    expect(userDataDir({ XDG_CONFIG_HOME: '/home/o/.cfg' }, 'linux')).toBe('/home/o/.cfg/Booth');
    expect(userDataDir({ APPDATA: 'C:/Users/o/AppData/Roaming' }, 'win32')).toMatch(/Roaming[\\/]Booth$/);
  });
});
