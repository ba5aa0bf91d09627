namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Who did something: the signed-in user and the role they acted in.</summary>
public sealed record Actor(string UserId, string Email, string Role);
