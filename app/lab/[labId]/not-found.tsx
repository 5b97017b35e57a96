import { MissingLab } from './_components/MissingLab';

/** An unknown or expired lab id: a 404 status (scripts see the truth) with a way on for a person. */
export default function LabNotFound() {
  return <MissingLab message="notFound" />;
}
