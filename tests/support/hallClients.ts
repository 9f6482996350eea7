import type {
  AppError,
  CreateHallRequest,
  CreateSessionResponse,
  HallOverview,
  HallSeatResponse,
  HallTableSeatRequest,
  HallTableSummary,
  JoinHallRequest,
} from '@runde/shared';
import { parseFrame } from './serverFrames.ts';

/** An HTTP answer as a test looks at it: the status and the parsed body, whatever they are. */
export interface HttpAnswer<T> {
  status: number;
  body: T;
}

async function post<T>(url: string, body: unknown): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function posted<T>(url: string, body: unknown): Promise<T> {
  const answer = await post<T>(url, body);
  if (answer.status !== 201) throw new Error(`POST ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export function createHallOverHttp(url: string, request: CreateHallRequest): Promise<CreateSessionResponse> {
  return posted(`${url}/api/halls`, request);
}

export function joinHallOverHttp(url: string, hallId: string, request: JoinHallRequest): Promise<HallSeatResponse> {
  return posted(`${url}/api/halls/${hallId}/join`, request);
}

export function tableSeatOverHttp(
  url: string,
  hallId: string,
  request: HallTableSeatRequest,
): Promise<HallSeatResponse> {
  return posted(`${url}/api/halls/${hallId}/table-seat`, request);
}

/** Any body to any hall route, for hostile requests: the answer as it comes. */
export function postToHall(
  url: string,
  hallId: string,
  route: 'join' | 'table-seat',
  body: unknown,
): Promise<HttpAnswer<{ ok: false; error: AppError } | HallSeatResponse>> {
  return post(`${url}/api/halls/${hallId}/${route}`, body);
}

/** Every `hall:overview` among a device's raw frames, in the order received. */
export function overviewsIn(frames: readonly string[]): HallOverview[] {
  return frames.flatMap((frame) => {
    const parsed = parseFrame(frame);
    return Array.isArray(parsed) && parsed[0] === 'hall:overview' ? [parsed[1] as HallOverview] : [];
  });
}

/** The overview a device holds after its frames: the last full one with every later change applied. */
export function overviewHeld(frames: readonly string[]): Map<number, HallTableSummary> {
  const held = new Map<number, HallTableSummary>();
  for (const overview of overviewsIn(frames)) {
    if (overview.full) held.clear();
    for (const summary of overview.tables) held.set(summary.table, summary);
  }
  return held;
}
