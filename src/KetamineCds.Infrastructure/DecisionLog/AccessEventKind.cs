namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Kinds of access that are audited, as health-record audit controls expect. <see cref="ViewAccessLog"/>: someone read
/// the access log itself (the auditor's access log page, an administrator's list of an account's events).
/// <see cref="AccessRefused"/>: a signed-in user was refused a page or an API route their role does not allow (OWASP ASVS
/// 4.0.3 V7.2.2: failed access-control decisions are logged); the subject is the path asked for.
/// </summary>
public enum AccessEventKind { SignIn, SignOut, SignInFailed, LockedOut, ViewScreening, PrintScreening, Export, Replay, ImpactAnalysis, Verify, UserAdministration, Checkpoint, AccountSecurity, ViewAccessLog, AccessRefused }
