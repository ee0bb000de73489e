using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Database;

/// <summary>Our own tables use snake_case columns (Identity's keep their EF defaults).</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Marketplaces", StringComparison.Ordinal) == true))
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(Convert(property.Name));
        }
    }

    public static string Convert(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) result.Append('_');
            result.Append(char.ToLowerInvariant(name[i]));
        }
        return result.ToString();
    }
}
