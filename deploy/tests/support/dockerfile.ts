import { readFileSync } from 'node:fs';
import {
  type Copy,
  DockerfileParser,
  type Env,
  type Instruction,
  type JSONInstruction,
} from 'dockerfile-ast';
import { fromRoot } from './paths.ts';

export type Stage = { name: string | null; image: string | null; instructions: Instruction[] };

const dockerfilePath = fromRoot('deploy/Dockerfile');

/** deploy/Dockerfile, parsed, with its instructions grouped by stage (each starts at a FROM). */
export function readDockerfile() {
  const text = readFileSync(dockerfilePath, 'utf8');
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const from = froms.find((f) => f.getRange().start.line === instruction.getRange().start.line);
    if (from) stages.push({ name: from.getBuildStage(), image: from.getImage(), instructions: [] });
    stages.at(-1)?.instructions.push(instruction);
  }
  const final = stages.at(-1);
  if (!final) throw new Error('deploy/Dockerfile has no FROM');
  return { text, dockerfile, stages, final };
}

export const byKeyword = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.getKeyword() === keyword);

export const flagOf = (instruction: Instruction, name: string) =>
  (instruction as Copy)
    .getFlags()
    .find((f) => f.getName() === name)
    ?.getValue() ?? undefined;

/** The argv of an exec-form instruction (CMD ["node", …]); null for the shell form. */
export function execForm(instruction: Instruction): string[] | null {
  const strings = (instruction as JSONInstruction).getJSONStrings();
  return strings.length > 0 ? strings.map((s) => s.getJSONValue()) : null;
}

/** A HEALTHCHECK's command: its exec form after `CMD`, or null for the shell form or NONE. */
export function healthcheckCommand(instruction: Instruction): string[] | null {
  const content = instruction.getArgumentsContent() ?? '';
  const json = content.match(/(?:^|\s)CMD\s+(\[.*\])\s*$/s)?.[1];
  return json ? (JSON.parse(json) as string[]) : null;
}

/** Every ENV of a stage, in order: what its processes see. */
export function stageEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of byKeyword(stage, 'ENV')) {
    for (const property of (instruction as Env).getProperties()) {
      env[property.getName()] = property.getUnescapedValue() ?? '';
    }
  }
  return env;
}

/** A RUN in shell form, as the commands it chains with `&&`. */
export function runCommands(instruction: Instruction): string[] {
  return (instruction.getArgumentsContent() ?? '')
    .split('&&')
    .map((c) => c.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A COPY's sources and destination, its flags left out. */
export function copyPaths(instruction: Instruction) {
  const args = instruction.getArguments().map((a) => a.getValue());
  const destination = args.pop();
  if (!destination || args.length === 0) throw new Error(`malformed ${instruction.toString()}`);
  return { sources: args, destination };
}
