import { Markdown } from "@/components/ui/markdown";
import { curlExample } from "@/lib/api/curl";
import { API_BASE, type ApiOperation } from "@/lib/api/openapi";

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description?: string; schema: Schema; example?: unknown };
type MediaTypes = Record<string, { schema: Schema }>;
export type OperationObject = {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { description?: string; content: MediaTypes };
  responses: Record<string, { description: string; content?: MediaTypes; headers?: Record<string, { description: string }> }>;
  security?: unknown[];
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 border-sky-300",
  post: "bg-emerald-100 text-emerald-900 border-emerald-300",
  put: "bg-amber-100 text-amber-900 border-amber-300",
  patch: "bg-amber-100 text-amber-900 border-amber-300",
  delete: "bg-rose-100 text-rose-900 border-rose-300",
};

export function operationAnchor(operation: ApiOperation): string {
  return operation.operationId;
}

/** A short type for a parameter table: string, integer ≥ 0, one of a | b … */
function typeOf(schema: Schema): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => String(v)).join(" | ")}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = String(schema.type ?? (schema.anyOf ? "any of several" : "any"));
  const bounds = [
    schema.format ? `${schema.format}` : "",
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : "",
    typeof schema.maximum === "number" && schema.maximum < Number.MAX_SAFE_INTEGER ? `≤ ${schema.maximum}` : "",
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : "",
  ].filter(Boolean);
  return bounds.length ? `${type} (${bounds.join(", ")})` : type;
}

/** Text with `code` spans, as the schema descriptions write them. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i} className="rounded bg-stone-100 px-1 text-xs">{part}</code> : part))}
    </>
  );
}

function SchemaBlock({ label, schema }: { label: string; schema: Schema }) {
  return (
    <details className="rounded border border-stone-200 bg-white">
      <summary className="cursor-pointer px-3 py-1.5 text-sm">{label}</summary>
      <pre tabIndex={0} aria-label={label} className="max-h-96 overflow-auto border-t border-stone-200 bg-stone-50 p-3 text-xs leading-5">
        {JSON.stringify(schema, null, 2)}
      </pre>
    </details>
  );
}

export function OperationSection({ operation, object, origin }: { operation: ApiOperation; object: OperationObject; origin: string }) {
  const id = operationAnchor(operation);
  const parameters = object.parameters ?? [];
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="scroll-mt-4 space-y-4 rounded-lg border border-stone-200 bg-white p-5">
      <header className="space-y-1">
        <h2 id={`${id}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
          <span className={`rounded border px-2 py-0.5 font-mono text-xs uppercase ${METHOD_STYLE[operation.method]}`}>{operation.method}</span>
          <code className="break-all font-mono text-sm">{API_BASE + operation.path}</code>
        </h2>
        <p className="text-sm text-stone-800">{object.summary}</p>
      </header>
      {object.description ? <Markdown source={object.description} /> : null}

      {parameters.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left text-sm font-semibold">Parameters</caption>
            <thead className="border-b border-stone-200 text-xs uppercase tracking-wide text-stone-600">
              <tr>
                <th scope="col" className="py-1 pr-3">Name</th>
                <th scope="col" className="py-1 pr-3">In</th>
                <th scope="col" className="py-1 pr-3">Type</th>
                <th scope="col" className="py-1">Description</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 align-top">
              {parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <td className="py-1.5 pr-3 font-mono text-xs">
                    {parameter.name}
                    {parameter.required ? <span className="ml-1 text-stone-600">(required)</span> : null}
                  </td>
                  <td className="py-1.5 pr-3">{parameter.in}</td>
                  <td className="py-1.5 pr-3 text-xs">{typeOf(parameter.schema)}</td>
                  <td className="py-1.5 text-stone-800">
                    {parameter.description ? <Prose text={parameter.description} /> : null}
                    {parameter.example !== undefined ? <span className="block text-xs text-stone-600">Example: <code>{String(parameter.example)}</code></span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {object.requestBody ? (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Request body</h3>
          {object.requestBody.description ? <p className="text-sm text-stone-800"><Prose text={object.requestBody.description} /></p> : null}
          {Object.entries(object.requestBody.content).map(([type, media]) => (
            <SchemaBlock key={type} label={`Body schema (${type}) of ${operation.method.toUpperCase()} ${operation.path}`} schema={media.schema} />
          ))}
        </div>
      ) : null}

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">Responses</h3>
        <ul className="space-y-2">
          {Object.entries(object.responses).map(([status, response]) => (
            <li key={status} className="space-y-1 text-sm">
              <p>
                <span className="mr-2 font-mono font-semibold">{status}</span>
                <Prose text={response.description} />
                {response.headers ? <span className="text-stone-600"> (headers: {Object.keys(response.headers).join(", ")})</span> : null}
              </p>
              {Object.entries(response.content ?? {})
                .filter(([, media]) => !("$ref" in media.schema))
                .map(([type, media]) => (
                  <SchemaBlock key={type} label={`${status} response schema (${type}) of ${operation.method.toUpperCase()} ${operation.path}`} schema={media.schema} />
                ))}
            </li>
          ))}
        </ul>
      </div>

      <div className="space-y-1">
        <h3 className="text-sm font-semibold">Example</h3>
        <pre tabIndex={0} aria-label={`curl example for ${operation.method.toUpperCase()} ${operation.path}`} className="overflow-x-auto rounded bg-stone-900 p-3 text-xs leading-5 text-stone-50">
          {curlExample(operation, origin)}
        </pre>
      </div>
    </section>
  );
}
