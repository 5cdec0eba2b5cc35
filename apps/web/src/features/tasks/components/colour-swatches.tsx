import {
  colourNames,
  LABEL_COLOURS,
  type LabelColour,
  labelColourClasses,
} from '../model/label-colours.ts';

/** The palette as radio buttons, one swatch each, named by its colour. */
export function ColourSwatches({
  name,
  legend,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  value: LabelColour;
  onChange: (colour: LabelColour) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">{legend}</legend>
      {LABEL_COLOURS.map((colour) => (
        <label
          key={colour}
          className="relative inline-flex cursor-pointer"
          title={colourNames[colour]}
        >
          <input
            type="radio"
            name={name}
            value={colour}
            checked={value === colour}
            onChange={() => onChange(colour)}
            aria-label={colourNames[colour]}
            className="peer absolute inset-0 m-0 cursor-pointer opacity-0"
          />
          <span
            aria-hidden="true"
            className={`h-6 w-6 rounded-full border border-slate-400 peer-checked:ring-2 peer-checked:ring-indigo-600 peer-checked:ring-offset-2 peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-500 dark:border-slate-500 ${labelColourClasses[colour]}`}
          />
        </label>
      ))}
    </fieldset>
  );
}
