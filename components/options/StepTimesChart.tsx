import { describeStepTimes, takenText, type StepTime } from '../../utils/records/step-times';

const WIDTH = 400;
const ROW = 46;
const BAR = 10;
const LABEL_SPACE = 92;

/**
 * Per step, the minutes planned (an outline) against the minutes taken (filled; in the warning
 * colour where it ran over). The picture is the image's; its words are the text alternative,
 * one line per step, which is what a screen reader reads.
 */
export function StepTimesChart({ times }: { times: readonly StepTime[] }) {
  const scale = Math.max(1, ...times.map((time) => Math.max(time.plannedMinutes, time.actualMinutes)));
  const barWidth = (minutes: number) => Math.max(minutes > 0 ? 2 : 0, ((WIDTH - LABEL_SPACE) * minutes) / scale);
  return (
    <figure class="chart">
      <svg
        class="chart__image"
        role="img"
        aria-label={describeStepTimes(times)}
        viewBox={`0 0 ${WIDTH} ${times.length * ROW}`}
        width={WIDTH}
        height={times.length * ROW}
      >
        {times.map((time, i) => {
          const top = i * ROW;
          const over = time.actualMinutes > time.plannedMinutes;
          return (
            <g key={time.id}>
              <text class="chart__label" x={0} y={top + 13}>
                {time.title}
              </text>
              <rect class="chart__planned" x={1} y={top + 19} width={barWidth(time.plannedMinutes)} height={BAR} rx={2} />
              <rect class={over ? 'chart__taken chart__taken--over' : 'chart__taken'} x={1} y={top + 31} width={barWidth(time.actualMinutes)} height={BAR} rx={2} />
              <text class="chart__value" x={WIDTH} y={top + 39} text-anchor="end">
                {time.plannedMinutes} / {takenText(time)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="chart__caption">
        <span class="chart__key chart__key--planned" /> planned <span class="chart__key chart__key--taken" /> taken; figures are minutes,
        planned / taken
      </figcaption>
    </figure>
  );
}
