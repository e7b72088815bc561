/* global __ONCALLER_SDK_VERSION__ */
/** The SDK's version, set by the build from package.json; 'dev' when the sources run as they are. */
export const SDK_VERSION = typeof __ONCALLER_SDK_VERSION__ === 'string' ? __ONCALLER_SDK_VERSION__ : 'dev';
