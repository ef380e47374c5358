namespace Zeues.Core.Domain;

public sealed record Worker(int Id, string Nombre, string Apellido, bool Activo, IReadOnlyList<Rol> Roles)
{
    public string Token { get; } = WorkerToken.Build(Nombre, Apellido, Id);

    public string NombreCompleto => $"{Nombre} {Apellido}";

    public IReadOnlyList<Operacion> Operaciones => RoleMatrix.Operations(Roles);

    public bool Can(Operacion op) => RoleMatrix.Allows(Roles, op);
}
