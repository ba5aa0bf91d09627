using KetamineCds.Infrastructure.Data;
using KetamineCds.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KetamineCds.Web.Startup;

/// <summary>
/// Liveness (<c>/health/live</c>: the process answers) and readiness (<c>/health/ready</c>: the database answers) for
/// container orchestrators and load balancers. Anonymous, and they say nothing but the status.
/// </summary>
public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddKetamineCdsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapKetamineCdsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(Probe.Instance);
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous().WithMetadata(Probe.Instance);
        return endpoints;
    }

    /// <summary>
    /// Runs a probe as soon as routing has chosen it, before authentication: the probes are anonymous and answer for the
    /// process and the database only, whoever asks. Through authentication, a request that still carried a sign-in cookie
    /// (an operator's browser opening /health/live during an outage) had the cookie's session looked up in the database,
    /// and /health/live answered the outage page, 503, while the process served requests (helper 334). Goes between
    /// UseRouting and UseAuthentication.
    /// </summary>
    public static IApplicationBuilder UseKetamineCdsHealthBeforeAuthentication(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            context.GetEndpoint() is { RequestDelegate: { } probe } endpoint && endpoint.Metadata.GetMetadata<Probe>() is not null
                ? probe(context)
                : next(context));

    /// <summary>Marks the health probes' endpoints.</summary>
    private sealed class Probe
    {
        public static readonly Probe Instance = new();
    }

    /// <summary>
    /// Whether the database answers a connection. A database found down is logged by <see cref="DatabaseOutageLog"/> once
    /// when the probes first find it down and once when they find it back, as warnings of the category the refused requests
    /// are logged under, not an Error line at every probe (the health-check service's, off in appsettings.json: QA302 F7).
    /// </summary>
    private sealed class DatabaseHealthCheck(KetamineCdsDbContext db, DatabaseOutageLog outage) : IHealthCheck
    {
        private const string DoesNotAnswer = "The database does not answer.";

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                if (await db.Database.CanConnectAsync(cancellationToken))
                {
                    outage.ReadinessPassed();
                    return HealthCheckResult.Healthy();
                }

                outage.ReadinessFailed("no connection could be opened", exception: null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outage.ReadinessFailed(DatabaseOutageLog.Reason(ex), ex);
            }

            return HealthCheckResult.Unhealthy(DoesNotAnswer);
        }
    }
}
