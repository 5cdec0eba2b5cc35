import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';
import { fromRoot } from './paths.ts';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
};

/** The model of every kind TaskFlow's manifests use, by apiVersion and kind. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1 Deployment': Deployment,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1 Job': Job,
  'networking.k8s.io/v1 Ingress': Ingress,
  'networking.k8s.io/v1 NetworkPolicy': NetworkPolicy,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'v1 ConfigMap': ConfigMap,
  'v1 Namespace': Namespace,
  'v1 Secret': Secret,
  'v1 Service': Service,
};

export const idOf = (m: Manifest) => `${m.apiVersion} ${m.kind} ${m.metadata?.name}`;

/** Validates a manifest against the Kubernetes OpenAPI schema of its kind; throws if not. */
export function validateManifest(manifest: Manifest) {
  const Model = models[`${manifest.apiVersion} ${manifest.kind}`];
  if (!Model) throw new Error(`no model for ${idOf(manifest)}`);
  new Model(manifest as never).validate();
}

/** Every YAML document in a file. */
export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
    return doc.toJS() as Manifest;
  });
}

type Kustomization = {
  namespace?: string;
  resources?: string[];
  patches?: { path: string }[];
  images?: { name: string; newName?: string; newTag?: string }[];
};

export const readKustomization = (dir: string) =>
  readManifests(path.join(dir, 'kustomization.yaml'))[0] as unknown as Kustomization;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNamedList = (v: unknown): v is { name: string }[] =>
  Array.isArray(v) && v.every((item) => isObject(item) && typeof item.name === 'string');

/**
 * A strategic merge patch, as far as TaskFlow's patches need one: maps merge key by key, lists
 * of named items (containers, ports) merge by name, other lists are replaced.
 */
function mergePatch(base: unknown, patch: unknown): unknown {
  if (isNamedList(base) && isNamedList(patch)) {
    const merged = base.map((item) => {
      const change = patch.find((p) => p.name === item.name);
      return change ? mergePatch(item, change) : item;
    });
    return [...merged, ...patch.filter((p) => !base.some((b) => b.name === p.name))];
  }
  if (isObject(base) && isObject(patch)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) merged[key] = mergePatch(base[key], value);
    return merged;
  }
  return patch;
}

/** Every container of a workload (Deployment or Job), with the pod spec around it. */
export function podSpecOf(m: Manifest) {
  const spec = (m.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
  if (!spec) throw new Error(`${idOf(m)} has no pod template`);
  return spec;
}

export type Probe = { httpGet?: { path: string; port: string | number } };
export type Container = {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number }; exec?: { command: string[] } } };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
type PodSpec = {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  volumes?: { name: string; emptyDir?: object }[];
};

/** What the renderer below does; anything else in a kustomization stops it. */
const KNOWN_FIELDS = ['apiVersion', 'kind', 'namespace', 'resources', 'patches', 'images'];

/**
 * What `kubectl apply -k <dir>` would apply, for TaskFlow's kustomizations: resources (files,
 * or directories with their own kustomization), then patches, images and the namespace.
 */
function build(dir: string): Manifest[] {
  const kustomization = readKustomization(dir);
  const unknown = Object.keys(kustomization).filter((key) => !KNOWN_FIELDS.includes(key));
  if ((kustomization.patches ?? []).some((p) => Object.keys(p).join() !== 'path')) {
    unknown.push('patches other than { path }');
  }
  if (unknown.length > 0) {
    throw new Error(`${dir}: the test's renderer does not know ${unknown.join(', ')}`);
  }
  let manifests = (kustomization.resources ?? []).flatMap((resource) => {
    const at = path.join(dir, resource);
    return statSync(at).isDirectory() ? build(at) : readManifests(at);
  });
  for (const { path: file } of kustomization.patches ?? []) {
    for (const patch of readManifests(path.join(dir, file))) {
      const target = manifests.find((m) => idOf(m) === idOf(patch));
      if (!target) throw new Error(`${file}: no resource ${idOf(patch)} to patch`);
      manifests = manifests.map((m) => (m === target ? (mergePatch(m, patch) as Manifest) : m));
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const m of manifests.filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
      for (const container of podSpecOf(m).containers.filter((c) => c.image === image.name)) {
        container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`;
      }
    }
  }
  const namespace = kustomization.namespace;
  if (namespace) {
    for (const m of manifests.filter((x) => x.kind !== 'Namespace'))
      m.metadata.namespace = namespace;
  }
  return manifests;
}

/** The files a kustomization names that are not there. */
export function missingReferences(dir: string) {
  const k = readKustomization(dir);
  const files = [...(k.resources ?? []), ...(k.patches ?? []).map((p) => p.path)];
  return files.filter((file) => {
    const at = path.join(dir, file);
    if (!existsSync(at)) return true;
    return statSync(at).isDirectory() && !existsSync(path.join(at, 'kustomization.yaml'));
  });
}

export const baseDir = fromRoot('deploy/k8s/base');
export const overlayDir = fromRoot('deploy/k8s/overlays/production');

/** The Secret example (kept out of the kustomization), and both renderings of the manifests. */
export function deployment() {
  return {
    secretExample: readManifests(path.join(baseDir, 'secret.example.yaml')),
    renders: { base: build(baseDir), production: build(overlayDir) },
  };
}
