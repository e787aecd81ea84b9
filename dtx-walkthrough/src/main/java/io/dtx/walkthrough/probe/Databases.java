package io.dtx.walkthrough.probe;

import io.dtx.walkthrough.stack.EnvironmentsStack;
import io.dtx.walkthrough.stack.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * SQL on the stack's two databases, {@code bank1} and {@code bank1_pay}, as their administrator:
 * every verdict is read here, never from the services' own view of themselves.
 */
public final class Databases {

    private final UnaryOperator<String> jdbcUrl;
    private final Supplier<String> user;
    private final Supplier<String> password;

    public Databases(LocalStack stack) {
        this(stack.sandbox()::jdbcUrl, stack.sandbox()::mysqlUser, stack.sandbox()::mysqlPassword);
    }

    /** The environments story's: {@code bank1_pay} shared, {@code bank1_<env>} for each environment. */
    public Databases(EnvironmentsStack stack) {
        this(stack::jdbcUrl, stack::mysqlUser, stack::mysqlPassword);
    }

    private Databases(UnaryOperator<String> jdbcUrl, Supplier<String> user, Supplier<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** A connection of the administrator, who sees (and may lock) every schema. */
    public Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl.apply(schema), user.get(), password.get());
    }

    /** The first column of the first row, or null if there is no row. */
    public <T> T scalar(String schema, String sql, Class<T> type, Object... args) {
        List<Map<String, Object>> rows = rows(schema, sql, args);
        return rows.isEmpty()
                ? null
                : type.cast(convert(rows.get(0).values().iterator().next(), type));
    }

    public List<Map<String, Object>> rows(String schema, String sql, Object... args) {
        try (Connection c = connect(schema);
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= columns.getColumnCount(); col++) {
                        row.put(columns.getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String schema, String sql, Object... args) {
        try (Connection c = connect(schema);
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    /** COUNT(*) comes back as whatever integer type the driver picks; callers ask for Long. */
    private static Object convert(Object value, Class<?> type) {
        if (value instanceof Number n && type == Long.class) {
            return n.longValue();
        }
        return value;
    }
}
