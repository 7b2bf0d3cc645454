"""moto's S3 server on 127.0.0.1 for one test module: a real HTTP S3 API, in memory."""

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import free_port

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testkey", "AWS_SECRET_ACCESS_KEY": "testsecret", "AWS_DEFAULT_REGION": "us-east-1"}


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    def client(self):
        import boto3

        return boto3.session.Session(
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            region_name=CREDENTIALS["AWS_DEFAULT_REGION"],
        ).client("s3", endpoint_url=self.endpoint)

    def new_bucket(self, name: str) -> str:
        self.client().create_bucket(Bucket=name)
        return name

    def deploy_settings(self, bucket: str, prefix: str = "") -> dict:
        settings = {
            "VA_DEPLOY_TARGET": "s3",
            "VA_DEPLOY_S3_BUCKET": bucket,
            "VA_DEPLOY_S3_ENDPOINT": self.endpoint,
            **CREDENTIALS,
        }
        if prefix:
            settings["VA_DEPLOY_S3_PREFIX"] = prefix
        return settings


@contextmanager
def moto_s3_server(folder: Path):
    port = free_port()
    log = open(folder / "moto.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        for _ in range(400):
            if server.poll() is not None:
                raise RuntimeError(f"moto exited: {(folder / 'moto.log').read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError(f"moto never listened on {port}")
        yield S3Server(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
