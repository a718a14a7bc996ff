"use client";

import type { DetectedFieldHint } from "./mapping-editor";
import { SmallButton } from "./editor-inputs";
import { ScrollRegion } from "@/components/ui/scroll-box";

/**
 * The fields seen in signed test requests: path, type and an example value, each with a
 * button that adds a mapping row for it. Paths already mapped say so instead. (Viewers get the
 * buttons disabled by the editor's fieldset.)
 */
export function DetectedFieldsTable({
  detected,
  mappedPaths,
  onMap,
}: {
  detected: DetectedFieldHint[];
  mappedPaths: ReadonlySet<string>;
  onMap: (path: string) => void;
}) {
  if (detected.length === 0) return null;
  return (
    // Scrolls sideways on its own on a phone; focusable so a keyboard can scroll it too.
    <ScrollRegion labelledBy="detected-fields-caption" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" aria-labelledby="detected-fields-caption">
        <caption id="detected-fields-caption" className="px-3 pt-3 text-left font-medium">
          Detected fields <span className="font-normal text-slate-600">(from test requests)</span>
        </caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Path
            </th>
            <th scope="col" className="px-3 py-2">
              Type
            </th>
            <th scope="col" className="px-3 py-2">
              Example
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {detected.map((field) => (
            <tr key={field.path} data-testid="detected-field">
              <td className="px-3 py-2 font-mono text-xs">{field.path}</td>
              <td className="px-3 py-2">{field.type}</td>
              <td className="max-w-64 truncate px-3 py-2 text-slate-700" title={String(field.example)}>
                {JSON.stringify(field.example)}
              </td>
              <td className="px-3 py-2 text-right">
                {mappedPaths.has(field.path) ? (
                  <span className="text-xs text-slate-600">Mapped</span>
                ) : (
                  <SmallButton aria-label={`Map ${field.path}`} onClick={() => onMap(field.path)}>
                    Map
                  </SmallButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
