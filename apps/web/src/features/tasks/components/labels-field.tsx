import { useState } from 'react';
import { TextField } from '../../../components/text-field.tsx';

const parse = (text: string) =>
  text
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');

/** Labels typed as one comma-separated line; the form holds them as a list. */
export function LabelsField({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: readonly string[];
  onChange: (labels: string[]) => void;
  onBlur: () => void;
  error: string | undefined;
}) {
  // The text as typed, so "bug, " keeps its comma while the next label is on its way.
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      name="labels"
      label="Labels"
      hint="Separate labels with commas."
      autoComplete="off"
      value={text}
      error={error}
      onBlur={onBlur}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}
