using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.Data.Configurations;

/// <summary>One row per hash chain, seeded empty; the append transaction locks and advances it.</summary>
public sealed class LogChainHeadConfiguration : IEntityTypeConfiguration<LogChainHead>
{
    public void Configure(EntityTypeBuilder<LogChainHead> builder)
    {
        builder.ToTable("LogChainHeads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).HasMaxLength(16);
        builder.Property(h => h.LastHash).HasMaxLength(64).IsRequired();
        builder.HasData(
            new LogChainHead { Chain = LogChainHead.Decisions, LastSequence = 0, LastHash = ChainHash.Genesis },
            new LogChainHead { Chain = LogChainHead.Access, LastSequence = 0, LastHash = ChainHash.Genesis });
    }
}
