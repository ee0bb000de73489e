using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Accounts;

/// <summary>The two roles exist in every database from its first migration.</summary>
internal sealed class RoleSeed : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> entity) => entity.HasData(
        new IdentityRole { Id = "owner", Name = Roles.Owner, NormalizedName = "OWNER", ConcurrencyStamp = "b0a4c0c2-5f3e-4c9d-9a51-0d6b0f2f7a11" },
        new IdentityRole { Id = "staff", Name = Roles.Staff, NormalizedName = "STAFF", ConcurrencyStamp = "2f1d7e9a-8c34-4b6e-a0d2-6e5c9b8f3d22" });
}
