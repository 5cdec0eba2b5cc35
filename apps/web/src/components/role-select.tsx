/** The role of one person, changed in place; its label names them for screen readers. */
export function RoleSelect<R extends string>({
  id,
  person,
  value,
  roles,
  onChange,
  testId,
}: {
  id: string;
  person: string;
  value: R;
  /** Every role, in the order offered, with its name. */
  roles: Record<R, string>;
  onChange: (role: R) => void;
  testId: string;
}) {
  const keys = Object.keys(roles) as R[];
  return (
    <>
      <label htmlFor={id} className="sr-only">
        Role of {person}
      </label>
      <select
        id={id}
        name="role"
        value={value}
        onChange={(event) => onChange(keys.find((key) => key === event.target.value) ?? value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
        data-testid={testId}
      >
        {keys.map((key) => (
          <option key={key} value={key}>
            {roles[key]}
          </option>
        ))}
      </select>
    </>
  );
}
