using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace KetamineCds.Web.Security;

/// <summary>
/// The authorization middleware's answer to a request, with every refusal of a signed-in user recorded first (QA158 F1,
/// OWASP ASVS 4.0.3 V7.2.2): a psychiatrist's bearer token on an audit export, an administrator's on a patient's screenings,
/// a psychiatrist opening /Audit or /Admin/Users. One place for the API and the pages: the event is appended through
/// <see cref="AccessAuditing.RecordRefusalAsync"/>, then the framework answers exactly as before (the API's 403 problem,
/// a page's redirect to /Account/AccessDenied). A challenge (no one signed in: the API's 401, a page's redirect to the
/// sign-in page) is not a refusal and is not recorded here.
/// </summary>
/// <remarks>
/// One row a refused request. The API's refusals are counted by its per-user rate limit (which runs before authorization),
/// so a script cannot write more than that limit's rows a minute; a page refusal is one click. Should the access log be
/// unwritable, the refusal is still answered as a refusal (nothing was shown), and the failure is logged at Error with
/// the method and path that could not be recorded.
/// </remarks>
public sealed partial class RefusalAuditing(ILogger<RefusalAuditing> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var policies = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>() ?? [];
            await RecordAsync(context, policies, policy.Requirements, logger);
        }

        await _framework.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// Records a refusal (<see cref="AccessAuditing.RecordRefusalAsync"/>) without ever failing it: an access log that
    /// cannot be written is logged at Error, and the caller refuses all the same. For a page that checks a policy itself.
    /// </summary>
    public static async Task RecordAsync(HttpContext context, IEnumerable<string> policies, IEnumerable<IAuthorizationRequirement> requirements, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.RequestServices.GetRequiredService<IAccessAudit>().RecordRefusalAsync(context, policies, requirements);
        }
        catch (DecisionLogUnavailableException ex)
        {
            NotRecorded(logger, ex, context.Request.Method, context.Request.Path.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A refused request ({Method} {Path}) could not be recorded in the access log; it was refused all the same.")]
    private static partial void NotRecorded(ILogger logger, Exception exception, string method, string? path);
}
