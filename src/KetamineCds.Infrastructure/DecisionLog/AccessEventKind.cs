namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Kinds of access that are audited, as health-record audit controls expect.</summary>
public enum AccessEventKind { SignIn, SignOut, SignInFailed, LockedOut, ViewScreening, PrintScreening, Export, Replay, ImpactAnalysis, Verify, UserAdministration, Checkpoint, AccountSecurity }
