import { describe, expect, it } from 'vitest';
import { cliEntry, configProblems, msOf, unknownEnvNames } from './support/app-env.ts';
import {
  type Container,
  deployment,
  idOf,
  type Manifest,
  podSpecOf,
  validateManifest,
} from './support/kubernetes.ts';

const { secretExample, renders } = deployment();

type Labels = Record<string, string>;
const selects = (selector: Labels | undefined, labels: Labels | undefined) =>
  Object.keys(selector ?? {}).length > 0 &&
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

describe.each(Object.entries(renders))('the %s manifests', (render, manifests) => {
  const find = (kind: string, name: string) => {
    const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name} in ${render}`);
    return found;
  };
  const only = (m: Manifest): Container => {
    const [container, ...others] = podSpecOf(m).containers;
    if (!container || others.length > 0) throw new Error(`${idOf(m)}: one container expected`);
    return container;
  };
  const workloads = manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'Job');
  const api = find('Deployment', 'taskflow-api');
  const worker = find('Deployment', 'taskflow-worker');
  const migrate = find('Job', 'taskflow-migrate');
  const podLabels = (m: Manifest) =>
    (m.spec as { template: { metadata: { labels: Labels } } }).template.metadata.labels;

  /** A container's environment: its ConfigMap and Secret (the example), then its own `env`. */
  const envOf = (container: Container) => {
    const env: Record<string, string> = {};
    for (const from of container.envFrom ?? []) {
      if (from.configMapRef) {
        const data = find('ConfigMap', from.configMapRef.name).data as Labels;
        Object.assign(env, data);
      }
      if (from.secretRef) {
        const secret = secretExample.find((s) => s.metadata.name === from.secretRef?.name);
        expect(secret, `Secret ${from.secretRef.name}`).toBeDefined();
        Object.assign(env, secret?.stringData as Labels);
      }
    }
    for (const { name, value } of container.env ?? []) env[name] = value ?? '';
    return env;
  };
  const apiEnv = envOf(only(api));

  it('validate against the Kubernetes schema of their kind', () => {
    for (const m of [...manifests, ...secretExample]) {
      expect(() => validateManifest(m), idOf(m)).not.toThrow();
    }
  });

  it('set only variables TaskFlow reads, with values it starts with', () => {
    for (const m of workloads) {
      const env = envOf(only(m));
      expect(unknownEnvNames(Object.keys(env)), idOf(m)).toEqual([]);
      expect(configProblems(env), idOf(m)).toEqual([]);
    }
  });

  it('give the API what a cluster needs: database, Redis, public URL, every interface', () => {
    expect(Object.keys(apiEnv)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'PUBLIC_URL', 'REDIS_URL', 'HOST', 'TRUST_PROXY']),
    );
    expect(apiEnv.HOST).toBe('0.0.0.0');
    expect(apiEnv.TRUST_PROXY).toBe('1');
  });

  it('run serve, worker and migrate up with node, from the image', () => {
    expect(only(api).command).toEqual(['node', cliEntry, 'serve']);
    expect(only(worker).command?.slice(0, 4)).toEqual([
      'node',
      cliEntry,
      'worker',
      '--metrics-port',
    ]);
    expect(only(migrate).command).toEqual(['node', cliEntry, 'migrate', 'up']);
  });

  it('probe the API on /ready and /health, at the port it listens on', () => {
    const container = only(api);
    const portOf = (port: string | number | undefined) =>
      typeof port === 'number'
        ? port
        : container.ports?.find((p) => p.name === port)?.containerPort;
    expect(container.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health');
    expect(container.startupProbe?.httpGet?.path).toBe('/health');
    for (const probe of [
      container.readinessProbe,
      container.livenessProbe,
      container.startupProbe,
    ]) {
      expect(portOf(probe?.httpGet?.port)).toBe(Number(apiEnv.PORT));
    }
  });

  it('probe the worker on /health at its metrics port', () => {
    const container = only(worker);
    const metricsPort = Number(container.command?.at(-1));
    const port = container.ports?.find((p) => p.containerPort === metricsPort);
    expect(port).toBeDefined();
    for (const probe of [container.livenessProbe, container.startupProbe]) {
      expect(probe?.httpGet?.path).toBe('/health');
      expect([port?.name, port?.containerPort]).toContain(probe?.httpGet?.port);
    }
  });

  it('drain the API before it stops, and give it time to finish', () => {
    const preStop = only(api).lifecycle?.preStop;
    const seconds = preStop?.sleep?.seconds ?? Number(preStop?.exec?.command.at(-1));
    expect(seconds).toBe(msOf(apiEnv, 'DRAIN_DELAY_MS') / 1000);
    // The grace period counts from preStop; the shutdown deadline from SIGTERM after it.
    expect(podSpecOf(api).terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
      seconds + (msOf(apiEnv, 'DRAIN_DELAY_MS') + msOf(apiEnv, 'SHUTDOWN_TIMEOUT_MS')) / 1000,
    );
  });

  it('give the worker time to finish its running jobs', () => {
    const env = envOf(only(worker));
    // The worker exits 1 s after SHUTDOWN_TIMEOUT_MS when jobs outlast it.
    expect(podSpecOf(worker).terminationGracePeriodSeconds).toBeGreaterThan(
      msOf(env, 'SHUTDOWN_TIMEOUT_MS') / 1000 + 1,
    );
  });

  it('run every container unprivileged, read-only, with a writable /tmp', () => {
    for (const m of workloads) {
      const pod = podSpecOf(m);
      expect(pod.securityContext?.runAsNonRoot, idOf(m)).toBe(true);
      expect(pod.securityContext?.runAsUser, idOf(m)).toBeGreaterThan(0);
      const container = only(m);
      expect(container.securityContext, idOf(m)).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = container.volumeMounts?.find((v) => v.mountPath === '/tmp');
      expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir, idOf(m)).toBeDefined();
      expect(container.resources, idOf(m)).toBeDefined();
    }
  });

  it('select their own pods', () => {
    for (const m of workloads.filter((w) => w.kind === 'Deployment')) {
      const selector = (m.spec as { selector: { matchLabels: Labels } }).selector.matchLabels;
      expect(selects(selector, podLabels(m)), idOf(m)).toBe(true);
    }
  });

  it('route the Ingress to the API, unbuffered and patient for event streams', () => {
    const service = find('Service', 'taskflow-api');
    const spec = service.spec as {
      selector: Labels;
      ports: { name: string; targetPort: string }[];
    };
    expect(selects(spec.selector, podLabels(api))).toBe(true);
    const containerPorts = only(api).ports?.map((p) => p.name);
    for (const port of spec.ports) expect(containerPorts).toContain(port.targetPort);

    const ingress = find('Ingress', 'taskflow');
    const rules = (
      ingress.spec as {
        rules: {
          http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] };
        }[];
      }
    ).rules;
    for (const { backend } of rules.flatMap((r) => r.http.paths)) {
      expect(backend.service.name).toBe('taskflow-api');
      expect(spec.ports.map((p) => p.name)).toContain(backend.service.port.name);
    }
    const annotations = (ingress.metadata as { annotations?: Labels }).annotations ?? {};
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(
      Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']),
    ).toBeGreaterThanOrEqual(3600);
    expect(
      Number(annotations['nginx.ingress.kubernetes.io/proxy-send-timeout']),
    ).toBeGreaterThanOrEqual(3600);
  });

  it('scale the API by CPU and keep one instance through voluntary disruptions', () => {
    expect((api.spec as { replicas?: number }).replicas).toBeUndefined();
    const hpa = find('HorizontalPodAutoscaler', 'taskflow-api').spec as {
      scaleTargetRef: { apiVersion: string; kind: string; name: string };
      minReplicas: number;
      maxReplicas: number;
    };
    expect(hpa.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'taskflow-api',
    });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = find('PodDisruptionBudget', 'taskflow-api').spec as {
      minAvailable: number;
      selector: { matchLabels: Labels };
    };
    expect(selects(pdb.selector.matchLabels, podLabels(api))).toBe(true);
    expect(pdb.minAvailable).toBeLessThan(hpa.minReplicas);
  });

  it('let each pod receive and send only what it needs', () => {
    type Port = { port: number; protocol: string };
    type Policy = {
      podSelector: { matchLabels: Labels };
      policyTypes: string[];
      ingress?: { ports?: Port[] }[];
      egress?: { ports?: Port[] }[];
    };
    const policies = manifests
      .filter((m) => m.kind === 'NetworkPolicy')
      .map((m) => m.spec as Policy);
    const policyOf = (m: Manifest) => {
      const found = policies.filter((p) => selects(p.podSelector.matchLabels, podLabels(m)));
      expect(found, idOf(m)).toHaveLength(1);
      expect(found[0]?.policyTypes.sort(), idOf(m)).toEqual(['Egress', 'Ingress']);
      return found[0] as Policy;
    };
    const ports = (rules: { ports?: Port[] }[] | undefined) =>
      (rules ?? []).flatMap((r) => r.ports ?? []).map((p) => `${p.port}/${p.protocol}`);

    const apiPolicy = policyOf(api);
    expect(ports(apiPolicy.ingress)).toEqual([`${apiEnv.PORT}/TCP`]);
    expect(ports(apiPolicy.egress)).toEqual(
      expect.arrayContaining(['53/UDP', '5432/TCP', '6379/TCP', '587/TCP']),
    );
    const workerPolicy = policyOf(worker);
    expect(ports(workerPolicy.ingress)).toEqual([`${only(worker).command?.at(-1)}/TCP`]);
    expect(ports(workerPolicy.egress)).toEqual(
      expect.arrayContaining(['53/UDP', '5432/TCP', '587/TCP']),
    );
    const migratePolicy = policyOf(migrate);
    expect(ports(migratePolicy.ingress)).toEqual([]);
    expect(ports(migratePolicy.egress)).toEqual(expect.arrayContaining(['53/UDP', '5432/TCP']));
  });
});
