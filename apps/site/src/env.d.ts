/// <reference types="astro/client" />

/** Absolute path of the exercises/ folder the site is built from (set in astro.config.mjs). */
declare const __EXERCISES_DIR__: string
