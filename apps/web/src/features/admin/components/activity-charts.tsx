import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayFigures } from '../model/admin-types.ts';
import { dayLabel, formatCount } from '../model/format.ts';

type SeriesKey = Exclude<keyof DayFigures, 'date'>;
type Series = { key: SeriesKey; name: string; colour: string };

// Colours come from CSS variables (styles.css), so that the charts follow the light or dark theme.
const axis = { fill: 'var(--chart-axis)', fontSize: 12 };

/** One chart, its caption, and the same figures as a table for those who cannot see it. */
function ChartFigure({
  title,
  lines,
  data,
  testId,
}: {
  title: string;
  lines: Series[];
  data: (DayFigures & { label: string })[];
  testId: string;
}) {
  return (
    <figure className="min-w-0 space-y-2" data-testid={testId}>
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <LineChart
        responsive
        style={{ width: '100%', height: 240 }}
        data={data}
        title={title}
        margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
      >
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={axis} stroke="var(--chart-grid)" minTickGap={16} />
        <YAxis allowDecimals={false} tick={axis} stroke="var(--chart-grid)" />
        <Tooltip
          contentStyle={{
            background: 'var(--chart-surface)',
            border: '1px solid var(--chart-grid)',
            borderRadius: 6,
          }}
          labelStyle={{ color: 'var(--chart-text)' }}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: 'var(--chart-text)' }} />
        {lines.map((line) => (
          <Line
            key={line.key}
            type="monotone"
            dataKey={line.key}
            name={line.name}
            stroke={line.colour}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
          Show the figures
        </summary>
        <div className="mt-2 max-h-64 overflow-y-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Day
                </th>
                {lines.map((line) => (
                  <th key={line.key} scope="col" className="py-1 pr-4 font-medium">
                    {line.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((day) => (
                <tr key={day.date} className="border-t border-slate-200 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {day.label}
                  </th>
                  {lines.map((line) => (
                    <td key={line.key} className="py-1 pr-4">
                      {formatCount(day[line.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const taskLines: Series[] = [
  { key: 'tasksCreated', name: 'Created', colour: 'var(--chart-1)' },
  { key: 'tasksCompleted', name: 'Completed', colour: 'var(--chart-2)' },
];
const jobLines: Series[] = [
  { key: 'jobsCompleted', name: 'Completed', colour: 'var(--chart-2)' },
  { key: 'jobsFailed', name: 'Failed', colour: 'var(--chart-3)' },
];

/**
 * Tasks and jobs per day over the last 30 days. The only user of Recharts: the dashboard loads
 * this module lazily, so the chart library stays out of every other page.
 */
export default function ActivityCharts({ series }: { series: DayFigures[] }) {
  const data = series.map((day) => ({ ...day, label: dayLabel(day.date) }));
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="activity-charts">
      <ChartFigure
        title="Tasks per day, last 30 days"
        testId="tasks-chart"
        data={data}
        lines={taskLines}
      />
      <ChartFigure
        title="Jobs per day, last 30 days"
        testId="jobs-chart"
        data={data}
        lines={jobLines}
      />
    </div>
  );
}
