// The newsroom's own data lives in plain tables (database/migrations) and the core store, not in content types.
export default {};
