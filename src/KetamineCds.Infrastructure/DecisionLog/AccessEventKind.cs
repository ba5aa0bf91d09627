namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// Kinds of access that are audited, as health-record audit controls expect. <see cref="ViewAccessLog"/>: someone read
/// the access log itself (the auditor's access log page, an administrator's list of an account's events).
/// </summary>
public enum AccessEventKind { SignIn, SignOut, SignInFailed, LockedOut, ViewScreening, PrintScreening, Export, Replay, ImpactAnalysis, Verify, UserAdministration, Checkpoint, AccountSecurity, ViewAccessLog }
