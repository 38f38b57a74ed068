import { useState, type InputHTMLAttributes } from 'react';

/** Today, as a date input wants it. */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * A form's values (as the inputs hold them: strings) and a labelled input for any of them, named
 * after its key, so that each form only says which fields it has and in what order.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = (key: keyof T) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const input = (key: keyof T & string, label: string, props: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>
      {label}
      <input name={key} value={values[key]} onChange={set(key)} {...props} />
    </label>
  );
  return { values, set, input };
}
