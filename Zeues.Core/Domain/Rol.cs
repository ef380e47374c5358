namespace Zeues.Core.Domain;

public enum Rol { Armador, Soldador, Ayudante, Metrologia, Revestimiento, Pintura, Despacho }

/// <summary>DOMAIN 2.2: which roles allow which operation.</summary>
public static class RoleMatrix
{
    public static IReadOnlyList<Rol> AllowedRoles(Operacion op) => op switch
    {
        Operacion.ARM => [Rol.Armador, Rol.Ayudante],
        Operacion.SOLD => [Rol.Soldador, Rol.Ayudante],
        Operacion.METROLOGIA => [Rol.Metrologia],
        Operacion.REPARACION => [Rol.Armador, Rol.Soldador],
        _ => [],
    };

    public static bool Allows(IReadOnlyCollection<Rol> roles, Operacion op) => AllowedRoles(op).Any(roles.Contains);

    public static IReadOnlyList<Operacion> Operations(IReadOnlyCollection<Rol> roles) =>
        new[] { Operacion.ARM, Operacion.SOLD, Operacion.METROLOGIA, Operacion.REPARACION }.Where(op => Allows(roles, op)).ToList();
}
