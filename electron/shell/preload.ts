import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_METHODS, EVENT_CHANNEL, channelFor } from '../contract/methods.js';
import type { WindowApi } from '../contract/windowApi.js';

// Named functions only: the page never sees ipcRenderer, a generic invoke, or the raw event.
const calls = Object.fromEntries(API_METHODS.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelFor(method), request)]));

const api = {
  ...calls,
  onEvent(listener: (event: unknown) => void) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} as unknown as WindowApi;

contextBridge.exposeInMainWorld('api', api);
