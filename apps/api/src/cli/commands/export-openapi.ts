import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';

export function registerExportOpenApi(program: Command) {
  program
    .command('export-openapi')
    .description('Print the OpenAPI 3.1 document of this version (or write it with --out)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action(async (opts: { out?: string }) => {
      const { generateOpenApiDocument } = await import('../../openapi-document.ts');
      const document = await generateOpenApiDocument();
      if (opts.out) await writeFile(opts.out, document);
      else process.stdout.write(document);
    });
}
