import { cookies } from 'next/headers';
import { PARTICIPANT_COOKIE } from '@/lib/workshops/cookies';
import { JoinPage, joinMetadata } from '../_components/JoinPage';

export const generateMetadata = joinMetadata;

/** `/join/{code}`: the QR code's and the join URL's target — the code is filled in. */
export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // Bounded: a URL segment is the visitor's input (the form normalizes and validates it).
  return <JoinPage initialCode={code.slice(0, 32)} maybeParticipant={(await cookies()).has(PARTICIPANT_COOKIE)} />;
}
