import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  baseDir,
  deployment,
  idOf,
  missingReferences,
  overlayDir,
  podSpecOf,
  readKustomization,
  readManifests,
} from './support/kubernetes.ts';

const { secretExample, renders } = deployment();

describe('deploy/k8s kustomizations', () => {
  it('base lists every manifest of its directory but the Secret example', () => {
    const files = readdirSync(baseDir).filter(
      (f) => f.endsWith('.yaml') && !['kustomization.yaml', 'secret.example.yaml'].includes(f),
    );
    expect([...(readKustomization(baseDir).resources ?? [])].sort()).toEqual(files.sort());
  });

  it('refer only to files that exist', () => {
    expect(missingReferences(baseDir)).toEqual([]);
    expect(missingReferences(overlayDir)).toEqual([]);
  });

  it('patch in production only resources of the base, found by kind and name', () => {
    const ids = renders.base.map(idOf);
    for (const { path: file } of readKustomization(overlayDir).patches ?? []) {
      for (const patch of readManifests(path.join(overlayDir, file))) {
        expect(ids, file).toContain(idOf(patch));
      }
    }
  });

  it('give every production container a tagged image of the registry', () => {
    const images = readKustomization(overlayDir).images ?? [];
    const containers = renders.production
      .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
      .flatMap((m) => podSpecOf(m).containers);
    const base = renders.base
      .filter((m) => m.kind === 'Deployment' || m.kind === 'Job')
      .flatMap((m) => podSpecOf(m).containers.map((c) => c.image));
    expect(images.map((i) => i.name)).toEqual([...new Set(base)]);
    for (const c of containers) expect(c.image, c.name).toMatch(/^[^:]+\/[^:]+:[\w.-]+$/);
  });

  it('leave the Secret out of what is applied: its placeholders would replace real values', () => {
    expect(renders.production.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(secretExample.map((m) => m.kind)).toEqual(['Secret']);
  });
});
