using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// The app's database: identity, data-protection keys and the decision log. Each provider has a subclass
/// (<see cref="SqliteKetamineCdsDbContext"/>, <see cref="PostgresKetamineCdsDbContext"/>) so that each keeps its own
/// migration set; code that does not care about the provider asks for this type.
/// </summary>
public class KetamineCdsDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public KetamineCdsDbContext(DbContextOptions<KetamineCdsDbContext> options)
        : base(options)
    {
    }

    protected KetamineCdsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DecisionLogEntry> DecisionLogEntries => Set<DecisionLogEntry>();

    public DbSet<AccessLogEntry> AccessEvents => Set<AccessLogEntry>();

    public DbSet<LogChainHead> LogChainHeads => Set<LogChainHead>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KetamineCdsDbContext).Assembly);
    }
}
