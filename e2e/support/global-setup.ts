import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchServerProcess } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext { templateDataDir: string }
}

/**
 * Starts the built product once on a fresh folder so that it migrates and seeds the demo, stops it,
 * and hands the folder to the journeys as a template: each journey starts on its own copy, isolated
 * and without paying for the demo seed again.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duikou-e2e-template-'));
  const server = await launchServerProcess(dir);
  await server.stop({ keepData: true });
  project.provide('templateDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
