export default function Home() {
  return <main>Revocation Lab</main>;
}
