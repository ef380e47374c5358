using Microsoft.Data.Sqlite;
using Zeues.Core.Domain;

namespace Zeues.Core.Workbook.Sqlite;

/// <summary>
/// The embedded workbook: each sheet is a grid of rows kept as typed JSON arrays. One batch is one
/// transaction; WAL and a busy timeout let several server processes share the file. Each row also
/// keeps its lookup key (TAG_SPOOL in Operaciones and Uniones, the command ID in Metadata) in an
/// indexed column, so a spool's rows are found without scanning the sheet.
/// </summary>
public sealed class SqliteWorkbook : IWorkbook
{
    private static readonly IReadOnlyDictionary<string, string> KeyColumns = new Dictionary<string, string>
    {
        [Sheets.Operaciones] = Col.TagSpool,
        [Sheets.Uniones] = Col.TagSpool,
        [Sheets.Metadata] = Col.Id,
    };

    private readonly string _connectionString;

    public SqliteWorkbook(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS sheet (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS sheet_row (sheet TEXT NOT NULL, row INTEGER NOT NULL, cells TEXT NOT NULL, key TEXT, PRIMARY KEY (sheet, row)) WITHOUT ROWID;
            """);
        MigrateKeys(connection);
    }

    /// <summary>A file made before rows kept their key gets the column, filled from each row, once.</summary>
    private static void MigrateKeys(SqliteConnection connection)
    {
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT COUNT(*) FROM pragma_table_info('sheet_row') WHERE name = 'key'";
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                using var tx = connection.BeginTransaction();
                Execute(connection, "ALTER TABLE sheet_row ADD COLUMN key TEXT", tx);
                foreach (var sheet in KeyColumns.Keys)
                {
                    var rows = new List<(int Row, string Cells)>();
                    using (var read = connection.CreateCommand())
                    {
                        read.Transaction = tx;
                        read.CommandText = "SELECT row, cells FROM sheet_row WHERE sheet = $s ORDER BY row";
                        read.Parameters.AddWithValue("$s", sheet);
                        using var reader = read.ExecuteReader();
                        while (reader.Read()) rows.Add((reader.GetInt32(0), reader.GetString(1)));
                    }
                    if (rows.Count == 0 || rows[0].Row != 1) continue;
                    var header = new HeaderMap(CellJson.Deserialize(rows[0].Cells).Select(CellReaderText).ToList());
                    foreach (var (row, cells) in rows.Skip(1))
                    {
                        using var update = connection.CreateCommand();
                        update.Transaction = tx;
                        update.CommandText = "UPDATE sheet_row SET key = $k WHERE sheet = $s AND row = $r";
                        update.Parameters.AddWithValue("$s", sheet);
                        update.Parameters.AddWithValue("$r", row);
                        update.Parameters.AddWithValue("$k", (object?)KeyOf(sheet, header, CellJson.Deserialize(cells)) ?? DBNull.Value);
                        update.ExecuteNonQuery();
                    }
                }
                tx.Commit();
            }
        }
        Execute(connection, "CREATE INDEX IF NOT EXISTS sheet_row_key ON sheet_row (sheet, key)");
    }

    private static string? KeyOf(string sheet, HeaderMap? header, IReadOnlyList<object?> cells)
    {
        if (header is null || !KeyColumns.TryGetValue(sheet, out var column)) return null;
        var index = header.IndexOf(column);
        return index >= 0 && index < cells.Count ? CellReader.Text(cells[index])?.ToUpperInvariant() : null;
    }

    public string Path { get; }

    public string Kind => "SQLite";

    /// <summary>Test seam: called after each row is written inside the batch transaction.</summary>
    internal Action<string, int>? AfterRowWritten { get; set; }

    public async Task<IReadOnlyList<string>> SheetNamesAsync(CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sheet ORDER BY position";
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    public async Task<IReadOnlyDictionary<string, SheetData>> ReadAsync(IReadOnlyCollection<string> sheets, CancellationToken ct = default)
    {
        try
        {
            return await ReadCoreAsync(sheets, ct);
        }
        catch (SqliteException ex)
        {
            throw new WorkbookUnavailableException("El libro embebido no respondió.", ex);
        }
    }

    public async Task<IReadOnlyList<IReadOnlyList<SheetRow>>> ReadRowsAsync(IReadOnlyList<RowBlock> blocks, CancellationToken ct = default)
    {
        try
        {
            await using var connection = Open();
            await using var tx = connection.BeginTransaction(deferred: true);
            var result = new List<IReadOnlyList<SheetRow>>(blocks.Count);
            foreach (var block in blocks)
            {
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT row, cells FROM sheet_row WHERE sheet = $s AND row BETWEEN $a AND $b ORDER BY row";
                cmd.Parameters.AddWithValue("$s", block.Sheet);
                cmd.Parameters.AddWithValue("$a", block.First);
                cmd.Parameters.AddWithValue("$b", block.Last ?? int.MaxValue);
                result.Add(await RowsAsync(cmd, ct));
            }
            await tx.CommitAsync(ct);
            return result;
        }
        catch (SqliteException ex)
        {
            throw new WorkbookUnavailableException("El libro embebido no respondió.", ex);
        }
    }

    public async Task<IReadOnlyList<IReadOnlyList<SheetRow>>> FindRowsAsync(IReadOnlyList<KeyLookup> lookups, CancellationToken ct = default)
    {
        try
        {
            await using var connection = Open();
            await using var tx = connection.BeginTransaction(deferred: true);
            var result = new List<IReadOnlyList<SheetRow>>(lookups.Count);
            foreach (var lookup in lookups)
            {
                var key = lookup.Key.Trim().ToUpperInvariant();
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.Parameters.AddWithValue("$s", lookup.Sheet);
                if (KeyColumns.TryGetValue(lookup.Sheet, out var indexed) && HeaderNormalizer.Normalize(indexed) == HeaderNormalizer.Normalize(lookup.Column))
                {
                    cmd.CommandText = "SELECT row, cells FROM sheet_row WHERE sheet = $s AND key = $k AND row > 1 ORDER BY row";
                    cmd.Parameters.AddWithValue("$k", key);
                    result.Add(await RowsAsync(cmd, ct));
                    continue;
                }
                // A column without an index: the last resort scan.
                cmd.CommandText = "SELECT row, cells FROM sheet_row WHERE sheet = $s AND row > 1 ORDER BY row";
                var index = lookup.Header.IndexOf(lookup.Column);
                result.Add((await RowsAsync(cmd, ct)).Where(r => CellReader.Text(r[index])?.ToUpperInvariant() == key).ToList());
            }
            await tx.CommitAsync(ct);
            return result;
        }
        catch (SqliteException ex)
        {
            throw new WorkbookUnavailableException("El libro embebido no respondió.", ex);
        }
    }

    private static async Task<IReadOnlyList<SheetRow>> RowsAsync(SqliteCommand cmd, CancellationToken ct)
    {
        var rows = new List<SheetRow>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(new SheetRow(reader.GetInt32(0), CellJson.Deserialize(reader.GetString(1))));
        return rows;
    }

    public async Task ApplyAsync(WorkbookBatch batch, CancellationToken ct = default)
    {
        try
        {
            await ApplyCoreAsync(batch, ct);
        }
        catch (SqliteException ex)
        {
            throw new WorkbookUnavailableException("El libro embebido no aceptó el registro.", ex);
        }
    }

    private async Task<IReadOnlyDictionary<string, SheetData>> ReadCoreAsync(IReadOnlyCollection<string> sheets, CancellationToken ct)
    {
        await using var connection = Open();
        // One read transaction so every sheet comes from the same committed state.
        await using var tx = connection.BeginTransaction(deferred: true);
        var result = new Dictionary<string, SheetData>(StringComparer.Ordinal);
        foreach (var name in sheets)
        {
            var rows = await LoadRowsAsync(connection, tx, name, ct);
            if (!rows.TryGetValue(1, out var header)) throw new WorkbookSheetMissingException(name);
            var data = rows.Where(r => r.Key > 1).OrderBy(r => r.Key).Select(r => new SheetRow(r.Key, r.Value)).ToList();
            result[name] = new SheetData(name, new HeaderMap(header.Select(CellReaderText).ToList()), data);
        }
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task ApplyCoreAsync(WorkbookBatch batch, CancellationToken ct)
    {
        if (batch.IsEmpty) return;
        await using var connection = Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        foreach (var create in batch.SheetCreates)
        {
            await AddSheetAsync(connection, tx, create.Sheet, ct);
            if (await LoadRowAsync(connection, tx, create.Sheet, 1, ct) is null)
                await SaveRowAsync(connection, tx, create.Sheet, 1, create.Headers.Cast<object?>().ToList(), null, ct);
        }
        var headers = new Dictionary<string, HeaderMap>();
        async Task<HeaderMap> HeaderOf(string sheet)
        {
            if (headers.TryGetValue(sheet, out var map)) return map;
            var row = await LoadRowAsync(connection, tx, sheet, 1, ct) ?? throw new InvalidOperationException($"La hoja {sheet} no existe.");
            return headers[sheet] = new HeaderMap(row.Select(CellReaderText).ToList());
        }

        foreach (var expected in batch.Preconditions)
        {
            var index = (await HeaderOf(expected.Sheet)).IndexOf(expected.Column);
            var row = await LoadRowAsync(connection, tx, expected.Sheet, expected.Row, ct) ?? [];
            var current = index >= 0 && index < row.Count ? row[index] : null;
            if (CellReader.Text(current) != CellReader.Text(expected.Value))
                throw new WorkbookConflictException($"{expected.Sheet} fila {expected.Row}, {expected.Column} cambió desde la lectura");
        }

        foreach (var group in batch.Updates.GroupBy(u => (u.Sheet, u.Row)))
        {
            var header = await HeaderOf(group.Key.Sheet);
            var cells = await LoadRowAsync(connection, tx, group.Key.Sheet, group.Key.Row, ct) ?? [];
            foreach (var update in group)
            {
                var index = header.IndexOf(update.Column);
                if (index < 0) throw Errors.EsquemaInvalido(update.Sheet, update.Column).Throw();
                while (cells.Count <= index) cells.Add(null);
                cells[index] = CellJson.Normalize(update.Value);
            }
            await SaveRowAsync(connection, tx, group.Key.Sheet, group.Key.Row, cells, header, ct);
        }

        foreach (var append in batch.Appends)
        {
            var header = await HeaderOf(append.Sheet);
            var cells = new object?[header.Count];
            foreach (var (column, value) in append.Values)
            {
                var index = header.IndexOf(column);
                if (index < 0) throw Errors.EsquemaInvalido(append.Sheet, column).Throw();
                cells[index] = CellJson.Normalize(value);
            }
            var next = await NextRowAsync(connection, tx, append.Sheet, ct);
            await SaveRowAsync(connection, tx, append.Sheet, next, cells, header, ct);
        }

        // Bottom-up, as Google applies deleteDimension requests: each row number is the one read before the batch.
        foreach (var delete in batch.RowDeletes)
        {
            if (delete.RowNumber < 2) throw new InvalidOperationException($"La fila {delete.RowNumber} de {delete.Sheet} no se puede borrar.");
            await DeleteRowAsync(connection, tx, delete.Sheet, delete.RowNumber, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Creates a sheet with its header row if it does not exist yet.</summary>
    public async Task EnsureSheetAsync(string sheet, IReadOnlyList<string> headers, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        await AddSheetAsync(connection, tx, sheet, ct);
        if (await LoadRowAsync(connection, tx, sheet, 1, ct) is null)
            await SaveRowAsync(connection, tx, sheet, 1, headers.Cast<object?>().ToList(), null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>True when any sheet has a row below its header.</summary>
    public async Task<bool> HasDataAsync(CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM sheet_row WHERE row > 1)";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// Replaces whole sheets, header row 1 included, with the given rows in one transaction (the .xlsx
    /// import): either every sheet is the imported one or the workbook is left as it was.
    /// </summary>
    public async Task ReplaceSheetsAsync(IReadOnlyList<(string Sheet, IReadOnlyList<SheetRow> Rows)> sheets, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        foreach (var (sheet, rows) in sheets)
        {
            await AddSheetAsync(connection, tx, sheet, ct);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "DELETE FROM sheet_row WHERE sheet = $s";
                cmd.Parameters.AddWithValue("$s", sheet);
                await cmd.ExecuteNonQueryAsync(ct);
            }
            var header = rows.FirstOrDefault(r => r.RowNumber == 1) is { } first ? new HeaderMap(first.Cells.Select(CellReaderText).ToList()) : null;
            foreach (var row in rows)
                await SaveRowAsync(connection, tx, sheet, row.RowNumber, row.Cells.Select(CellJson.Normalize).ToList(), header, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Adds each missing column at the end of the header row (DOMAIN 1.2: expected columns, embedded store).</summary>
    public async Task AddMissingColumnsAsync(string sheet, IEnumerable<string> columns, CancellationToken ct = default)
    {
        await EditRowsAsync(sheet, rows =>
        {
            var header = rows[1];
            var map = new HeaderMap(header.Select(CellReaderText).ToList());
            foreach (var column in columns.Where(c => !map.Has(c))) header.Add(column);
        }, ct);
    }

    /// <summary>Inserts an empty column before a zero-based index, shifting every row (the office's "insert column").</summary>
    public Task InsertColumnAsync(string sheet, int index, string header, CancellationToken ct = default) =>
        EditRowsAsync(sheet, rows =>
        {
            foreach (var (number, cells) in rows)
            {
                while (cells.Count < index) cells.Add(null);
                cells.Insert(index, number == 1 ? header : null);
            }
        }, ct);

    /// <summary>Renames a header cell in place.</summary>
    public Task RenameColumnAsync(string sheet, string from, string to, CancellationToken ct = default) =>
        EditRowsAsync(sheet, rows =>
        {
            var header = rows[1];
            var index = new HeaderMap(header.Select(CellReaderText).ToList()).IndexOf(from);
            if (index >= 0) header[index] = to;
        }, ct);

    private async Task EditRowsAsync(string sheet, Action<Dictionary<int, List<object?>>> edit, CancellationToken ct)
    {
        await using var connection = Open();
        await using var tx = connection.BeginTransaction(deferred: false);
        var rows = await LoadRowsAsync(connection, tx, sheet, ct);
        edit(rows);
        var header = rows.TryGetValue(1, out var first) ? new HeaderMap(first.Select(CellReaderText).ToList()) : null;
        foreach (var (number, cells) in rows) await SaveRowAsync(connection, tx, sheet, number, cells, header, ct);
        await tx.CommitAsync(ct);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string? CellReaderText(object? value) => CellReader.Text(value);

    private static async Task AddSheetAsync(SqliteConnection c, SqliteTransaction tx, string sheet, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR IGNORE INTO sheet(name, position) VALUES ($n, (SELECT COUNT(*) FROM sheet))";
        cmd.Parameters.AddWithValue("$n", sheet);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<Dictionary<int, List<object?>>> LoadRowsAsync(SqliteConnection c, SqliteTransaction tx, string sheet, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT row, cells FROM sheet_row WHERE sheet = $s";
        cmd.Parameters.AddWithValue("$s", sheet);
        var rows = new Dictionary<int, List<object?>>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows[reader.GetInt32(0)] = CellJson.Deserialize(reader.GetString(1));
        return rows;
    }

    private static async Task<List<object?>?> LoadRowAsync(SqliteConnection c, SqliteTransaction tx, string sheet, int row, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT cells FROM sheet_row WHERE sheet = $s AND row = $r";
        cmd.Parameters.AddWithValue("$s", sheet);
        cmd.Parameters.AddWithValue("$r", row);
        return await cmd.ExecuteScalarAsync(ct) is string json ? CellJson.Deserialize(json) : null;
    }

    private static async Task<int> NextRowAsync(SqliteConnection c, SqliteTransaction tx, string sheet, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(row), 1) + 1 FROM sheet_row WHERE sheet = $s";
        cmd.Parameters.AddWithValue("$s", sheet);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Removes one row and moves the rows below it up by one (negated first so the key never collides mid-update).</summary>
    private async Task DeleteRowAsync(SqliteConnection c, SqliteTransaction tx, string sheet, int row, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            DELETE FROM sheet_row WHERE sheet = $s AND row = $r;
            UPDATE sheet_row SET row = -(row - 1) WHERE sheet = $s AND row > $r;
            UPDATE sheet_row SET row = -row WHERE sheet = $s AND row < 0;
            """;
        cmd.Parameters.AddWithValue("$s", sheet);
        cmd.Parameters.AddWithValue("$r", row);
        await cmd.ExecuteNonQueryAsync(ct);
        AfterRowWritten?.Invoke(sheet, row);
    }

    private async Task SaveRowAsync(SqliteConnection c, SqliteTransaction tx, string sheet, int row, IReadOnlyList<object?> cells, HeaderMap? header,
        CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO sheet_row(sheet, row, cells, key) VALUES ($s, $r, $c, $k) ON CONFLICT(sheet, row) DO UPDATE SET cells = excluded.cells, key = excluded.key";
        cmd.Parameters.AddWithValue("$s", sheet);
        cmd.Parameters.AddWithValue("$r", row);
        cmd.Parameters.AddWithValue("$c", CellJson.Serialize(cells));
        cmd.Parameters.AddWithValue("$k", (object?)(row == 1 ? null : KeyOf(sheet, header, cells)) ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
        AfterRowWritten?.Invoke(sheet, row);
    }
}
