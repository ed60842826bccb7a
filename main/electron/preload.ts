// The sandboxed preload script: it exposes the contract bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { preloadBridgeGlobal } from '../../app/host/PreloadBridge';
import { createPreloadBridge } from './preloadBridge';

contextBridge.exposeInMainWorld(preloadBridgeGlobal, createPreloadBridge(ipcRenderer));
