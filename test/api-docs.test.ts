import * as fs from 'fs';
import * as path from 'path';

const API = fs.readFileSync(path.join(__dirname, '..', 'API.md'), 'utf8');

test.each(['ElbService', 'AutoCreatedElb', 'PassThroughService', 'HttpsElbService', 'ExistingElb', 'HealthCheck', 'SessionAffinity', 'Listener'])(
  'API.md documents %s',
  (name) => {
    const section = API.split(`### ${name} <a name="${name}"`)[1];
    expect(section).toBeDefined();
    // A class-level description follows the heading.
    expect(section.split('\n').slice(1, 4).join(' ').trim().length).toBeGreaterThan(20);
  },
);
