using System.Collections.Concurrent;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Web.Startup;

/// <summary>
/// INTERIM, until the Infrastructure branch's DI extension (DbContext, migrations, the durable decision log) is
/// merged: registers the DbContext for the configured provider, creates the identity schema and keeps screenings in
/// memory. Replace the call to <see cref="AddInterimData"/> with the Infrastructure extension when it lands.
/// </summary>
public static class InterimData
{
    public static IServiceCollection AddInterimData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "sqlite";
        var connection = configuration.GetConnectionString("KetamineCds");
        if (string.IsNullOrWhiteSpace(connection))
        {
            var folder = Path.Combine(environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "ketaminecds.db")}";
        }

        services.AddDbContext<KetamineCdsDbContext>(options =>
        {
            if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
            {
                options.UseNpgsql(connection);
            }
            else
            {
                options.UseSqlite(connection);
            }
        });
        services.AddSingleton<IDecisionLog, InMemoryDecisionLog>();
        services.AddSingleton<IAccessAudit, LoggingAccessAudit>();
        return services;
    }

    /// <summary>Creates the schema (interim: the Infrastructure branch brings real migrations).</summary>
    public static async Task PrepareInterimDatabaseAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<KetamineCdsDbContext>();
        await db.Database.EnsureCreatedAsync();
    }

    private sealed class InMemoryDecisionLog(TimeProvider clock) : IDecisionLog
    {
        private readonly ConcurrentDictionary<Guid, LoggedScreening> _screenings = new();
        private long _sequence;

        public Task<LoggedScreening> RecordScreeningAsync(ScreeningSubmission submission, CancellationToken cancellationToken = default)
        {
            var logged = new LoggedScreening(Guid.CreateVersion7(), Interlocked.Increment(ref _sequence), clock.GetUtcNow(), submission.Actor,
                submission.CorrelationId, submission.History, submission.InputJson, submission.Assessment, []);
            _screenings[logged.Id] = logged;
            return Task.FromResult(logged);
        }

        public Task<LoggedScreening?> FindScreeningAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(_screenings.GetValueOrDefault(id));

        public Task<IReadOnlyList<LoggedScreening>> ListScreeningsForPatientAsync(string patientReference, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LoggedScreening>>(_screenings.Values
                .Where(s => s.History.PatientReference == patientReference)
                .OrderByDescending(s => s.Sequence)
                .ToList());

        public Task<LoggedOverride> RecordOverrideAsync(OverrideSubmission submission, CancellationToken cancellationToken = default)
        {
            var screening = _screenings.GetValueOrDefault(submission.ScreeningId) ?? throw new KeyNotFoundException("No such screening.");
            var logged = new LoggedOverride(Guid.CreateVersion7(), submission.ScreeningId, clock.GetUtcNow(), submission.Actor, submission.Decision, submission.Reason, submission.Explanation);
            _screenings[screening.Id] = screening with { Overrides = [.. screening.Overrides, logged] };
            return Task.FromResult(logged);
        }

        public Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChainVerification(_screenings.Count, true, null));
    }

    private sealed class LoggingAccessAudit(ILogger<LoggingAccessAudit> logger) : IAccessAudit
    {
        public Task RecordAsync(AccessEvent accessEvent, CancellationToken cancellationToken = default)
        {
            logger.LogInformation("Access {Kind} by {User} ({Role}) on {Subject} [{CorrelationId}]",
                accessEvent.Kind, accessEvent.UserEmail, accessEvent.Role, accessEvent.Subject, accessEvent.CorrelationId);
            return Task.CompletedTask;
        }
    }
}
