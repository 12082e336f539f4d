"""LangChain's standard chat-model suites (langchain-tests) run against our own chat models."""

from __future__ import annotations

from typing import Any

from langchain_tests.integration_tests import ChatModelIntegrationTests
from langchain_tests.unit_tests import ChatModelUnitTests

from assistant.llm.fake import ScriptedChatModel
from assistant.llm.local import LocalChatModel


class TestScriptedUnit(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[ScriptedChatModel]:
        return ScriptedChatModel

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"default": "Hello from the scripted model."}

    @property
    def has_tool_calling(self) -> bool:
        return False

    @property
    def has_structured_output(self) -> bool:
        return False


class TestScriptedIntegration(ChatModelIntegrationTests):
    @property
    def chat_model_class(self) -> type[ScriptedChatModel]:
        return ScriptedChatModel

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"default": "Hello from the scripted model."}

    @property
    def has_tool_calling(self) -> bool:
        return False

    @property
    def has_structured_output(self) -> bool:
        return False

    @property
    def returns_usage_metadata(self) -> bool:
        return False


class TestLocalUnit(ChatModelUnitTests):
    @property
    def chat_model_class(self) -> type[LocalChatModel]:
        return LocalChatModel

    @property
    def chat_model_params(self) -> dict[str, Any]:
        return {"n_ctx": 2048}

    @property
    def has_tool_calling(self) -> bool:
        return False

    @property
    def has_structured_output(self) -> bool:
        return False


def test_async_paths_work_through_langchain_defaults() -> None:
    import asyncio

    async def run() -> tuple[str, str]:
        model = ScriptedChatModel.of(["one two", "three four"])
        first = await model.ainvoke("hi")
        pieces = [str(chunk.content) async for chunk in model.astream("hi")]
        return str(first.content), "".join(pieces)

    assert asyncio.run(run()) == ("one two", "three four")
