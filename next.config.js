/** @type {import('next').NextConfig} */
const nextConfig = {
  // Do not advertise the framework (one less fingerprint for an attacker).
  poweredByHeader: false,
  reactStrictMode: true,
  // Lets parallel builds (several developers' test runs on one checkout) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

export default nextConfig;
