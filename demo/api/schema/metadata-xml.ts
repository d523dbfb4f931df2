import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * Reads a DX source-format object folder (`objects/X__c/X__c.object-meta.xml` and
 * `fields/*.field-meta.xml`) into plain records of strings, as written in the XML.
 */
export interface CustomFieldMetadata {
  fullName: string;
  label: string;
  type: string;
  description?: string;
  length?: string;
  visibleLines?: string;
  precision?: string;
  scale?: string;
  required?: string;
  externalId?: string;
  unique?: string;
  caseSensitive?: string;
  defaultValue?: string;
  referenceTo?: string;
  relationshipName?: string;
  relationshipOrder?: string;
  reparentableMasterDetail?: string;
  deleteConstraint?: string;
  valueSet?: {
    restricted?: string;
    valueSetDefinition?: { value: { fullName: string; label?: string; default?: string }[] };
  };
}

export interface CustomObjectMetadata {
  name: string;
  label: string;
  pluralLabel: string;
  sharingModel: string;
  nameField: { label: string; type: string; displayFormat?: string; length?: string };
  fields: CustomFieldMetadata[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep "0", "true" and "062" exactly as written; each field type decides how to read them.
  parseTagValue: false,
  isArray: (name) => name === 'value',
});

function root<T>(file: string, element: string): T {
  const doc = parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const body = doc[element];
  if (!body || typeof body !== 'object') throw new Error(`${file}: expected a <${element}> document`);
  return body as T;
}

export function readCustomObject(objectDir: string, name: string): CustomObjectMetadata {
  const object = root<Omit<CustomObjectMetadata, 'name' | 'fields'>>(
    join(objectDir, `${name}.object-meta.xml`),
    'CustomObject',
  );
  const fieldsDir = join(objectDir, 'fields');
  const fieldFiles = existsSync(fieldsDir)
    ? readdirSync(fieldsDir)
        .filter((file) => file.endsWith('.field-meta.xml'))
        .sort()
    : [];
  const fields = fieldFiles.map((file) => root<CustomFieldMetadata>(join(fieldsDir, file), 'CustomField'));
  return { ...object, name, fields };
}

/** Every object folder under `objects/`, in name order. */
export function readCustomObjects(objectsDir: string): CustomObjectMetadata[] {
  return readdirSync(objectsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readCustomObject(join(objectsDir, name), name));
}
