// @ts-check

/** Powerful browser features the app never uses, switched off for it and anything it could embed. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app is served by `next start` from this checkout; no telemetry, no powered-by header.
  poweredByHeader: false,
  // NEXT_DIST_DIR lets several dev servers work side by side in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // npm test runs `tsc --noEmit` before it builds, and says so through TSUNAGU_TYPECHECKED
  // (scripts/lib/build.mjs): the build then skips the same check. Every other build checks types.
  typescript: { ignoreBuildErrors: process.env.TSUNAGU_TYPECHECKED === "1" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
          // The CSP (with its per-response nonce) and HSTS are set in proxy.ts.
        ],
      },
    ];
  },
};

module.exports = nextConfig;
