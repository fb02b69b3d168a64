'use strict';
// Temporary PostgreSQL databases on the server DATABASE_URL names, one per case that needs an
// empty one, dropped when the case is done.
const { Client } = require('pg');

let created = 0;

async function admin(sql) {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database; resolves with its URL and `drop`. */
async function temporaryPostgresDatabase() {
  created += 1;
  const name = `smtp_bench_${process.pid}_${created}`;
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

module.exports = { temporaryPostgresDatabase };
