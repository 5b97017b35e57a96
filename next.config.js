/** @type {import('next').NextConfig} */
const nextConfig = {
  // Do not advertise the framework (one less fingerprint for an attacker).
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
