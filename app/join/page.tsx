import { JoinPage, joinMetadata } from './_components/JoinPage';

export const generateMetadata = joinMetadata;

/** `/join`: type the code the facilitator shows. */
export default function JoinWithoutCodePage() {
  return <JoinPage />;
}
