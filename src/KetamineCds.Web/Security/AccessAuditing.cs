using System.Security.Claims;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace KetamineCds.Web.Security;

/// <summary>
/// The one way the web app builds an access event: who (the signed-in user, or the attempted email of a sign-in),
/// the role they act in, and the request's correlation id as <see cref="CorrelationId"/> sanitised it (never the raw
/// header). The access audit then fits every value to its column (<see cref="LogText"/>).
/// </summary>
public static class AccessAuditing
{
    /// <summary>Appends an access event for the current request's user.</summary>
    /// <param name="audit">The access audit.</param>
    /// <param name="context">The request.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="subject">What was accessed, e.g. a screening id.</param>
    /// <param name="detail">Anything else worth keeping (never a password).</param>
    /// <param name="role">The role acted in, if it matters which; else the first the user holds.</param>
    /// <remarks>
    /// Not cancelled with the request: an attempt is recorded even when its caller hangs up (a failed sign-in above all).
    /// </remarks>
    public static Task RecordAsync(this IAccessAudit audit, HttpContext context, AccessEventKind kind, string? subject, string? detail = null, string? role = null) =>
        audit.RecordAsync(
            new AccessEvent(kind, context.User.ToActor().Email is { Length: > 0 } email ? email : "(unknown)", context.User.ActingRole(role), subject, detail, context.GetCorrelationId()),
            CancellationToken.None);

    /// <summary>
    /// Appends a sign-in event (a sign-in, a failed attempt, a lockout) for the attempted email (not yet, or never, a
    /// signed-in user), with the roles of the account it names (<see cref="AccountRoles"/>; QA318: the Role column was
    /// blank for every sign-in): null when no account has that email, and never anything of what was typed but the email.
    /// </summary>
    /// <param name="audit">The access audit.</param>
    /// <param name="context">The request.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="attemptedEmail">The email as typed (or the account's, once known).</param>
    /// <param name="accountRoles">The roles the account holds; null when no account is known.</param>
    /// <param name="channel">How: "page", "api", "page, authenticator code" ...</param>
    public static Task RecordSignInAsync(this IAccessAudit audit, HttpContext context, AccessEventKind kind, string attemptedEmail, IEnumerable<string>? accountRoles, string channel) =>
        audit.RecordAsync(new AccessEvent(kind, attemptedEmail, AccountRoles(accountRoles), null, channel, context.GetCorrelationId()), CancellationToken.None);

    /// <summary>
    /// Appends a sign-out of the signed-in user (<see cref="AccessEventKind.SignOut"/>), with every role the account holds,
    /// as its sign-in was recorded (<see cref="AccountRoles"/>), not the one an action is done in.
    /// </summary>
    public static Task RecordSignOutAsync(this IAccessAudit audit, HttpContext context, string channel) =>
        audit.RecordAsync(
            new AccessEvent(AccessEventKind.SignOut, context.User.ToActor().Email is { Length: > 0 } email ? email : "(unknown)", AccountRoles(HeldRoles(context.User)), null, channel, context.GetCorrelationId()),
            CancellationToken.None);

    /// <summary>The app's roles <paramref name="user"/> holds, in <see cref="Roles.All"/>'s order.</summary>
    public static IReadOnlyList<string> HeldRoles(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. Roles.All.Where(user.IsInRole)];
    }

    /// <summary>
    /// The Role column of a sign-in or sign-out: every role the account holds, in <see cref="Roles.All"/>'s order, joined by
    /// ", " (<c>Psychiatrist, Auditor</c>), as an administrator's "set roles" detail lists them: signing in gives the
    /// account all of them at once, where any other event records the one role it was done in. Null when no account is
    /// known (a failed sign-in of an email no account has) or it holds no role. A role the app does not know (from an
    /// older or newer release) is kept after the known ones.
    /// </summary>
    public static string? AccountRoles(IEnumerable<string>? roles)
    {
        if (roles is null)
        {
            return null;
        }

        var held = roles.Where(r => !string.IsNullOrEmpty(r)).ToHashSet(StringComparer.Ordinal);
        var ordered = Roles.All.Where(held.Contains).Concat(held.Where(r => !Roles.All.Contains(r)).Order(StringComparer.Ordinal)).ToList();
        return ordered.Count == 0 ? null : string.Join(RoleSeparator, ordered);
    }

    /// <summary>What <see cref="AccountRoles"/> puts between two roles.</summary>
    public const string RoleSeparator = ", ";

    /// <summary>
    /// Appends a refusal (<see cref="AccessEventKind.AccessRefused"/>): the signed-in user was refused what a policy
    /// keeps from their role (OWASP ASVS 4.0.3 V7.2.2). The subject is the path asked for; the detail names the channel
    /// and method, the policy and the roles it allows, and the query as sent (<see cref="RefusalDetail"/>). Recorded by
    /// <see cref="RefusalAuditing"/> for every page and API route, and by a page that checks a policy itself.
    /// </summary>
    /// <param name="audit">The access audit.</param>
    /// <param name="context">The refused request.</param>
    /// <param name="policies">The policies the request had to satisfy, by name.</param>
    /// <param name="requirements">What they require together: the roles allowed are those every role requirement allows
    /// (a page under /Screenings needs ReadScreening's roles, and /Screenings/New CreateScreening's as well: Psychiatrist).</param>
    public static Task RecordRefusalAsync(this IAccessAudit audit, HttpContext context, IEnumerable<string> policies, IEnumerable<IAuthorizationRequirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirements);
        var roles = requirements.OfType<RolesAuthorizationRequirement>()
            .Select(r => (IEnumerable<string>)r.AllowedRoles)
            .Aggregate((IEnumerable<string>?)null, (allowed, next) => allowed is null ? next : allowed.Intersect(next, StringComparer.Ordinal)) ?? [];
        var channel = context.Request.IsApiRequest() ? "api" : "page";
        return audit.RecordAsync(context, AccessEventKind.AccessRefused, context.Request.Path.Value,
            RefusalDetail(channel, context.Request.Method, policies, roles, context.Request.QueryString.Value));
    }

    /// <summary>
    /// A refusal's detail: <c>api GET; policy Audit (role Auditor); query ?patientReference=X1</c>. The query is kept as
    /// sent (still URL-encoded), as the other events keep the filter a user gave, a patient reference included: who tried
    /// to look at which patient without the role to is what an auditor asks. <see cref="LogText"/> fits it to the column.
    /// </summary>
    public static string RefusalDetail(string channel, string method, IEnumerable<string> policies, IEnumerable<string> roles, string? query)
    {
        var named = policies.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToList();
        var allowed = roles.Distinct(StringComparer.Ordinal).ToList();
        var detail = channel + " " + method;
        if (named.Count > 0)
        {
            detail += "; policy " + string.Join(", ", named);
        }

        if (allowed.Count > 0)
        {
            detail += (named.Count > 0 ? " (" : "; ") + (allowed.Count == 1 ? "role " : "roles ") + string.Join(", ", allowed) + (named.Count > 0 ? ")" : "");
        }

        return string.IsNullOrEmpty(query) ? detail : detail + "; query " + query;
    }
}
