import type { Role } from "@/lib/domain/codes";

declare module "next-auth" {
  interface User {
    role: Role;
    prefectureCode: string;
    officeIds: string[];
    sessionVersion: number;
    sessionId: string;
  }
  interface Session {
    user: {
      id: string;
      name: string;
      role: Role;
      prefectureCode: string;
      officeIds: string[];
      sessionVersion: number;
      sessionId: string;
    };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    prefectureCode: string;
    officeIds: string[];
    sessionVersion: number;
    sid: string;
    /** Sign-in time (seconds since the epoch); never renewed, unlike iat. */
    authTime: number;
  }
}
