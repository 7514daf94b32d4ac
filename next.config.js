// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app is served by `next start` from this checkout; no telemetry, no powered-by header.
  poweredByHeader: false,
  // NEXT_DIST_DIR lets several dev servers work side by side in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
